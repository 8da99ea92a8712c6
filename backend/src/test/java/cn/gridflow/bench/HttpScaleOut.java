package cn.gridflow.bench;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Scale-out under the HTTP load: the same happy-path events (report → triage → handle → verify → rate → close through
 * GridFlow's API) driven through this node alone, then split half and half over this node and the second JVM on the
 * same database. Both runs use the same client threads in all (2 × --threads: all on node 1, or --threads on each
 * node), so the only thing that changes is the number of nodes serving them.
 */
final class HttpScaleOut {

    /** Events per second of each node, and of both together (events over the wall time until both are done). */
    record Figures(Stats.Repeats one, Stats.Repeats twoFirst, Stats.Repeats twoSecond, Stats.Repeats twoTotal) {
    }

    private final Bench bench;
    private final BenchApp app;
    private final int port2;

    HttpScaleOut(Bench bench, BenchApp app, int port2) {
        this.bench = bench;
        this.app = app;
        this.port2 = port2;
    }

    Figures run() throws Exception {
        Bench.Options o = bench.options();
        int events = o.scaled(200, 10);
        int threads = o.threads();
        HappyPath.Http first = new HappyPath.Http(app.port);
        HappyPath.Http second = new HappyPath.Http(port2);
        System.out.println("[bench] scale-out (HTTP): warm-up of both nodes");
        // the second JVM starts cold: give its JIT the same events the first node's warm-up had, and more
        HappyPath.run(second, Math.max(4, events), threads);
        HappyPath.run(first, Math.max(4, events / 5), threads);
        Figures f = new Figures(new Stats.Repeats(), new Stats.Repeats(), new Stats.Repeats(), new Stats.Repeats());
        for (int r = 0; r < o.repeat(); r++) {
            // alternate which goes first, so neither always runs on the fuller database
            if (r % 2 == 0) {
                oneNode(f, first, events, threads);
                twoNodes(f, first, second, events, threads);
            } else {
                twoNodes(f, first, second, events, threads);
                oneNode(f, first, events, threads);
            }
            System.out.printf(Locale.ROOT, "[bench] scale-out (HTTP) repeat %d: one node %.1f/s; two nodes %.1f + %.1f"
                            + " = %.1f/s%n", r + 1, last(f.one()), last(f.twoFirst()), last(f.twoSecond()),
                    last(f.twoTotal()));
        }
        long open = first.stillOpen(app.engine()) + second.stillOpen(app.engine());
        if (open > 0) {
            bench.report().fail(open + " happy-path events of the scale-out did not close");
        }
        return f;
    }

    private static void oneNode(Figures f, HappyPath.Http node, int events, int threads) throws Exception {
        f.one().add(HappyPath.run(node, events, 2 * threads).perSecond());
    }

    private static void twoNodes(Figures f, HappyPath.Http first, HappyPath.Http second, int events, int threads) {
        int half = events / 2;
        // not the common pool: on 2 cores it has one thread, which would run the nodes one after the other
        ExecutorService both = Executors.newFixedThreadPool(2);
        long t0 = System.nanoTime();
        CompletableFuture<HappyPath.Run> a = CompletableFuture.supplyAsync(() -> run(first, events - half, threads),
                both);
        CompletableFuture<HappyPath.Run> b = CompletableFuture.supplyAsync(() -> run(second, half, threads), both);
        HappyPath.Run ra = a.join();
        HappyPath.Run rb = b.join();
        double seconds = (System.nanoTime() - t0) / 1e9;
        both.shutdown();
        f.twoFirst().add(ra.perSecond());
        f.twoSecond().add(rb.perSecond());
        f.twoTotal().add(events / seconds);
    }

    private static HappyPath.Run run(HappyPath.Http node, int events, int threads) {
        try {
            return HappyPath.run(node, events, threads);
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    private static double last(Stats.Repeats r) {
        return r.values().get(r.values().size() - 1);
    }
}
