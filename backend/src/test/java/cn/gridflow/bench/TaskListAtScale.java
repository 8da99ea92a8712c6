package cn.gridflow.bench;

final class TaskListAtScale {
    TaskListAtScale(Bench bench, BenchApp app, double heapAtStart) {
    }

    void run() {
    }
}
