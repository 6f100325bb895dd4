package com.warroom.topology;

/** DynamoDB key attribute types. */
public enum AttributeKind {
    STRING("S"),
    NUMBER("N");

    private final String code;

    AttributeKind(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
