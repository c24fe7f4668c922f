package keel.core.decision;

/** A named person: {@code id} is the log-in name used in reviews and the ledger. */
public record Person(String id, String name) {
    public Person {
        if (id == null || id.isBlank()) throw new IllegalArgumentException("person id is blank");
        if (name == null || name.isBlank()) name = id;
    }

    static Person from(ConfigNode node, String key) {
        if (!node.has(key)) return null;
        ConfigNode p = node.child(key, "a person with id and name, e.g. {id: ana, name: Ana Lopez}");
        Person person = new Person(p.string("id", "a log-in name, e.g. ana"),
                p.optionalString("name", "a display name").orElse(null));
        p.optionalString("role", "a job title");
        p.rejectUnknownKeys();
        return person;
    }
}
