package dev.sluice.devstack;

/** Command line of the local runner. */
public record LocalRunnerOptions(boolean demo, boolean help, int apiPort, int workers, int sqsPort, int motoPort,
                                 int modelPort, String modelLatency) {

    public static final String USAGE = """
            usage: ./run-local.sh [--demo] [--workers N] [--api-port P] [--sqs-port P] [--moto-port P]
                                  [--model-port P] [--model-latency SPEC]
              --demo            submit one image job and one video job, print their outcome, exit 0 if both COMPLETED
              --workers N       worker processes (default 2)
              --api-port P      API port (default 8080); workers use the next ports for health
              --sqs-port P      ElasticMQ port (default 9324)
              --moto-port P     moto server port (default 5000)
              --model-port P    model simulator port (default 8090)
              --model-latency   fixed:MS | uniform:MIN-MAX | normal:MEAN,SD (default uniform:500-2000)""";

    public static LocalRunnerOptions parse(String[] args) {
        boolean demo = false;
        boolean help = false;
        int apiPort = 8080;
        int workers = 2;
        int sqsPort = 9324;
        int motoPort = 5000;
        int modelPort = 8090;
        String latency = "uniform:500-2000";
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--demo" -> demo = true;
                case "-h", "--help" -> help = true;
                case "--api-port" -> apiPort = port(arg, value(args, ++i, arg));
                case "--workers" -> workers = number(arg, value(args, ++i, arg), 1, 16);
                case "--sqs-port" -> sqsPort = port(arg, value(args, ++i, arg));
                case "--moto-port" -> motoPort = port(arg, value(args, ++i, arg));
                case "--model-port" -> modelPort = port(arg, value(args, ++i, arg));
                case "--model-latency" -> latency = value(args, ++i, arg);
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        return new LocalRunnerOptions(demo, help, apiPort, workers, sqsPort, motoPort, modelPort, latency);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int port(String option, String value) {
        return number(option, value, 1, 65535);
    }

    private static int number(String option, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value);
            if (n < min || n > max) {
                throw new IllegalArgumentException(option + " must be " + min + ".." + max + ", was " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number, was " + value);
        }
    }
}
