package com.warroom.bench;

/** The floor of {@link ColdStartVsPeer}: a JVM that starts, prints and exits. */
public final class Hi {

    private Hi() {
    }

    public static void main(String[] args) {
        System.out.println("hi");
    }
}
