package dev.sluice.localaws;

/** An access key pair. The emulators accept any; fixed values keep logs and configs readable. */
public record StaticCredentials(String accessKeyId, String secretAccessKey) {

    public static final StaticCredentials TEST = new StaticCredentials("test", "test");
}
