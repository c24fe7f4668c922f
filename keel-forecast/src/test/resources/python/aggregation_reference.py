"""Independent reference for ADIDA and IMAPA (IntermittentTest), FORECASTING.md section 4.

SES on block sums with alpha in [0.1, 0.3] chosen by an exhaustive grid (step 1e-6) instead of
golden section, so the Java values are checked by a different optimiser; tolerance 1e-5 relative.
Plain Python 3, no packages:  python3 aggregation_reference.py
"""


def sse(x, a):
    level, total = x[0], 0.0
    for v in x[1:]:
        total += (v - level) ** 2
        level = a * v + (1 - a) * level
    return total


def level(x, a):
    current = x[0]
    for v in x[1:]:
        current = a * v + (1 - a) * current
    return current


def grid_alpha(x, steps=200000):
    return min((sse(x, 0.1 + 0.2 * i / steps), 0.1 + 0.2 * i / steps) for i in range(steps + 1))[1]


def block_forecast(y, k):
    lost = len(y) % k
    sums = [sum(y[lost + i * k:lost + (i + 1) * k]) for i in range((len(y) - lost) // k)]
    return sums[0] if len(sums) == 1 else level(sums, grid_alpha(sums))


def mean_interval(y):
    demands = [i for i, v in enumerate(y) if v != 0]
    return (demands[-1] + 1) / len(demands)


def imapa(y):
    top = round(mean_interval(y))  # Python round: halves to even
    return sum(block_forecast(y, k) / k for k in range(1, top + 1)) / top


for y in ([0, 2, 0, 0, 4, 0, 3],
          [0, 0, 3, 1, 0, 0, 0, 2, 0, 5, 0, 0, 1, 0, 0, 0, 0, 4, 0, 2, 0, 0, 0, 3]):
    k = round(mean_interval(y))
    print("y =", y)
    print("  adida =", block_forecast(y, k) / k, " imapa =", imapa(y))
