package cn.shaoxing.pilotbase.benchmark;

/**
 * The size of a benchmark run, from system properties (the {@code benchmark} Maven profile sets
 * the full scale; without them it is a smoke run of the default test suite).
 *
 * @param database    {@code postgres} or {@code h2} (system property pilotbase.test.database)
 * @param report      where to write the Markdown report besides target/benchmark (null: nowhere)
 */
record Scale(String database, int applications, int bases, int openTasks, int bareTasks,
    int queries, boolean coldStart, int roundYear, int cycleYear, String report) {

  static Scale fromSystemProperties() {
    return new Scale(System.getProperty("pilotbase.test.database", "postgres"),
        Integer.getInteger("benchmark.applications", 14),
        Integer.getInteger("benchmark.bases", 10),
        Integer.getInteger("benchmark.openTasks", 300),
        Integer.getInteger("benchmark.bareTasks", 30),
        Integer.getInteger("benchmark.queries", 30),
        Boolean.getBoolean("benchmark.coldStart"),
        Integer.getInteger("benchmark.roundYear", 2080),
        Integer.getInteger("benchmark.cycleYear", 2081),
        System.getProperty("benchmark.report"));
  }

  String databaseLabel() {
    return database.equals("h2") ? "H2（内嵌默认）" : "PostgreSQL";
  }
}
