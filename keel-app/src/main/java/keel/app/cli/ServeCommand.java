package keel.app.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import keel.app.http.KeelServer;
import keel.app.http.People;
import keel.app.http.ServerClock;
import keel.app.workspace.Workspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code keel serve}: the web pages and the REST API on a Keel home, until Ctrl-C. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves the owners' web pages and the REST API (/api/v1, OpenAPI at /api/v1/openapi.json) on a Keel "
                + "home, on loopback by default, until Ctrl-C.", "People and their roles come from people.yaml in the home."})
final class ServeCommand implements Callable<Integer> {
    @Mixin HomeOption home;

    @Option(names = "--port", defaultValue = "8080", description = "port, 0 to 65535 (0: any free port): default ${DEFAULT-VALUE}")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "address to listen on: default ${DEFAULT-VALUE} (loopback)")
    String host;

    @Override
    public Integer call() throws InterruptedException {
        KeelServer.Settings settings = new KeelServer.Settings(host, port);
        try (Workspace ws = home.open()) {
            serveUntilStopped(ws, settings, System.out);
        }
        return 0;
    }

    /** Serves {@code ws} and blocks until the JVM is asked to stop. */
    static void serveUntilStopped(Workspace ws, KeelServer.Settings settings, PrintStream out) throws InterruptedException {
        People people = People.load(ws.home().resolve("people.yaml"));
        Clock clock = ServerClock.forHome(ws, Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        try (KeelServer server = KeelServer.start(ws, people, clock, settings, System.err)) {
            out.printf("keel: serving %s on http://%s:%d/ (API: /api/v1, OpenAPI: /api/v1/openapi.json); %d people in "
                    + "people.yaml; Ctrl-C stops%n", ws.home(), settings.host(), server.port(), people.all().size());
            if (!clock.equals(Clock.systemUTC())) {
                out.println("keel: demo home: the server's clock starts at the replay's end, " + clock.instant());
            }
            if (people.all().isEmpty()) {
                out.println("keel: nobody can log in: " + ws.home().resolve("people.yaml") + " is missing; expected people with "
                        + "id, name, role and passwordHash (BCrypt) - see README, Web pages and API");
            }
            out.flush();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stopped.countDown();
                server.close();
            }));
            stopped.await();
        }
    }
}
