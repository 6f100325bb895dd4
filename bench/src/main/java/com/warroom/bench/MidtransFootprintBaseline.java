package com.warroom.bench;

/** A child of {@link MidtransClientFootprint} that calls nothing: the classes any JVM on that classpath loads. */
public final class MidtransFootprintBaseline {

    private MidtransFootprintBaseline() {
    }

    public static void main(String[] args) {
        System.out.println(MidtransClientFootprint.MARKER + " variant=baseline answeredNs=0 outcome=none");
        System.out.flush();
        System.exit(0);
    }
}
