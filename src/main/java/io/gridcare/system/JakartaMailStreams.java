package io.gridcare.system;

/**
 * Jakarta Mail 2.1 looks up its {@code StreamProvider} with a {@code ServiceLoader} on every MIME part it encodes
 * or decodes (jakartaee/mail-api#861), reading every jar of the class path each time: several milliseconds per
 * message with GridCare's class path. The lookup reads a system property first; naming the provider there skips
 * the scan. Whatever sends or receives mail calls {@link #pinProvider()} before it does.
 */
public final class JakartaMailStreams {

  static final String PROPERTY = "jakarta.mail.util.StreamProvider";
  /** Angus Mail's, the implementation Spring Boot brings. */
  static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

  private JakartaMailStreams() {
  }

  /** Names Angus Mail's provider unless the JVM was given one. */
  public static synchronized void pinProvider() {
    if (System.getProperty(PROPERTY) == null) {
      System.setProperty(PROPERTY, ANGUS);
    }
  }
}
