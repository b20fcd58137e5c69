package dev.vigie.dns.mtasts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a byte cap, cancelling the download as soon as it is exceeded, so
 * a hostile server cannot make us buffer an unbounded body.
 */
final class CappedBody implements BodySubscriber<byte[]> {

  /** The body was larger than the cap. */
  static final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    TooLargeException(int cap) {
      super("the body is larger than " + cap + " bytes");
    }
  }

  private final int cap;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private Flow.@org.jspecify.annotations.Nullable Subscription subscription;

  CappedBody(int cap) {
    this.cap = cap;
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    Flow.Subscription s = subscription;
    if (s == null || result.isDone()) {
      return;
    }
    for (ByteBuffer b : buffers) {
      if (out.size() + b.remaining() > cap) {
        s.cancel();
        result.completeExceptionally(new TooLargeException(cap));
        return;
      }
      byte[] chunk = new byte[b.remaining()];
      b.get(chunk);
      out.writeBytes(chunk);
    }
    s.request(1);
  }

  @Override
  public void onError(Throwable t) {
    result.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    result.complete(out.toByteArray());
  }
}
