package com.warroom.topology;

/** A key attribute of a table or index. */
public record KeyAttribute(String name, AttributeKind kind) {
    public static KeyAttribute string(String name) {
        return new KeyAttribute(name, AttributeKind.STRING);
    }

    public static KeyAttribute number(String name) {
        return new KeyAttribute(name, AttributeKind.NUMBER);
    }
}
