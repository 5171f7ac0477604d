/** What every bus class shares. */

export const HEADER = '// Generated plumbing: regenerating the project replaces this file. Edit the handlers package.';

/** Shared by every bus: a daemon thread that runs `body` again after a failure, with backoff. */
export const RETRY = `
  /**
   * Runs {@code body} on a daemon thread until it returns; after a failure waits (0.5 s doubling
   * to 10 s) and runs it again, so the service starts even while the broker is still coming up.
   */
  private void keepTrying(String name, Attempt body) {
    Thread thread =
        new Thread(
            () -> {
              long backoff = 500;
              while (running) {
                try {
                  body.run();
                  return;
                } catch (InterruptedException e) {
                  return;
                } catch (Exception e) {
                  Throwable cause = e.getCause() == null ? e : e.getCause();
                  LOG.warn("{}: {} (retrying in {} ms)", name, cause.toString(), backoff);
                  try {
                    Thread.sleep(backoff);
                  } catch (InterruptedException stop) {
                    return;
                  }
                  backoff = Math.min(backoff * 2, 10_000);
                }
              }
            },
            name);
    thread.setDaemon(true);
    thread.start();
  }

  private interface Attempt {
    void run() throws Exception;
  }`;
