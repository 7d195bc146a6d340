package dev.ipmi.testing;

/** Teardown for fixtures a test class may have started only in part. */
public final class Closeables {
    private Closeables() {}

    /**
     * Closes every non-null resource in order; one that fails does not keep the later ones open, and
     * the first failure is thrown at the end (later ones are added to it as suppressed).
     */
    public static void closeAll(AutoCloseable... resources) throws Exception {
        Exception first = null;
        for (AutoCloseable r : resources) {
            if (r == null) {
                continue;
            }
            try {
                r.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
