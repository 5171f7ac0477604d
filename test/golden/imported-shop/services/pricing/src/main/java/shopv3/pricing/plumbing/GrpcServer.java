// Generated plumbing: regenerating the project replaces this file. Edit the handlers package.
package shopv3.pricing.plumbing;

import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Serves PricingService on GRPC_PORT: Ping fans out like /ping, the other RPCs go to RpcHandlers. */
@Component
public class GrpcServer implements SmartLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(GrpcServer.class);
  private final Fanout pingFanout;
  private Server grpcServer;
  /** The standard health service (grpc.health.v1.Health): Kubernetes grpc probes and grpcurl ask it. */
  private final HealthStatusManager grpcHealth = new HealthStatusManager();
  private static final List<String> HEALTH_NAMES =
      List.of(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, shopv3.pricing.v1.PricingServiceGrpc.SERVICE_NAME);
  private ScheduledExecutorService readinessTracker;

  public GrpcServer(Fanout pingFanout) {
    this.pingFanout = pingFanout;
  }

  @Override
  public synchronized void start() {
    int grpcPort = Integer.parseInt(Env.get("GRPC_PORT", "50051"));
    for (String healthName : HEALTH_NAMES) grpcHealth.setStatus(healthName, ServingStatus.NOT_SERVING);
    try {
      grpcServer =
          NettyServerBuilder.forPort(grpcPort)
              .addService(new Impl())
              .addService(grpcHealth.getHealthService())
              .addService(ProtoReflectionServiceV1.newInstance())
              .build()
              .start();
    } catch (IOException startEx) {
      throw new IllegalStateException("gRPC cannot listen on port " + grpcPort, startEx);
    }
    readinessTracker =
        Executors.newSingleThreadScheduledExecutor(
            trackTask -> {
              Thread trackThread = new Thread(trackTask, "grpc-health");
              trackThread.setDaemon(true);
              return trackThread;
            });
    readinessTracker.scheduleWithFixedDelay(this::trackReadiness, 0, 2, TimeUnit.SECONDS);
    LOG.info("gRPC PricingService listening on port {} (with health and reflection)", grpcPort);
  }

  /** Health follows /readyz: SERVING while every broker and database answers, else NOT_SERVING. */
  private void trackReadiness() {
    ServingStatus healthStatus =
        ReadyController.unreachable().isEmpty() ? ServingStatus.SERVING : ServingStatus.NOT_SERVING;
    for (String healthName : HEALTH_NAMES) grpcHealth.setStatus(healthName, healthStatus);
  }

  @Override
  public synchronized void stop() {
    if (grpcServer == null) return;
    readinessTracker.shutdownNow();
    grpcHealth.enterTerminalState();
    grpcServer.shutdown();
    try {
      grpcServer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException stopEx) {
      Thread.currentThread().interrupt();
    }
    grpcServer = null;
  }

  @Override
  public synchronized boolean isRunning() {
    return grpcServer != null;
  }

  private static StatusRuntimeException failure(Exception failEx) {
    return Status.INTERNAL.withDescription(String.valueOf(failEx.getMessage())).withCause(failEx).asRuntimeException();
  }

  private final class Impl extends shopv3.pricing.v1.PricingServiceGrpc.PricingServiceImplBase {
    @Override
    public void ping(
        shopv3.pricing.v1.Pricing.PingRequest pingRequest,
        StreamObserver<shopv3.pricing.v1.Pricing.PingResponse> pingObserver) {
      try {
        String treeJson = pingFanout.treeJson(pingRequest.getPathList());
        pingObserver.onNext(shopv3.pricing.v1.Pricing.PingResponse.newBuilder().setTreeJson(treeJson).build());
        pingObserver.onCompleted();
      } catch (Exception pingEx) {
        pingObserver.onError(failure(pingEx));
      }
    }
  }
}
