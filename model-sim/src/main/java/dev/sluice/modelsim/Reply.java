package dev.sluice.modelsim;

/** What an invocation answers: model output or a SageMaker error, never both. */
sealed interface Reply {

    int status();

    /** The audit's outcome for this reply. */
    String outcome();

    record Output(String contentType, byte[] body) implements Reply {
        @Override
        public int status() {
            return 200;
        }

        @Override
        public String outcome() {
            return InvocationRecord.OK;
        }
    }

    record Failure(SageMakerError error, String outcome) implements Reply {
        @Override
        public int status() {
            return error.status();
        }
    }
}
