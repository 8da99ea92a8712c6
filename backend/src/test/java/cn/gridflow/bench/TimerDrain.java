package cn.gridflow.bench;

final class TimerDrain {
    TimerDrain(Bench bench, BenchApp app, String url) {
    }

    void run() {
    }
}
