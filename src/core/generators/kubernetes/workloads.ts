import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IService } from 'kubernetes-models/v1/Service';
import { dnsLabel } from '../../model/naming';
import type { Design } from '../../model/types';
import type { ServiceWiring } from '../../model/wiring';
import { imageName } from '../compose/plan';
import { disruptionBudget, replicated, spread } from './availability';
import { servesGrpcHealth } from './grpcHealth';
import {
  clusterService,
  configMapName,
  labels,
  namespaceOf,
  objectMeta,
  probes,
  selector,
  type K8sObject,
} from './meta';
import { containerResources } from './resources';
import { credentialSecret, serviceEnvironment } from './secrets';
import { containerSecurity, podSecurity, scratch } from './security';

/**
 * The exceptions a service's workload takes from kube-score and checkov, with their reason: its
 * image is built locally (docker compose build) and loaded into the cluster, so it is pulled
 * only when missing; `Always` would look for it in a registry.
 */
export const LOCAL_IMAGE_ANNOTATIONS: Record<string, string> = {
  'kube-score/ignore': 'container-image-pull-policy',
  'checkov.io/skip1': 'CKV_K8S_15=the image is built locally and loaded into the cluster',
};

/**
 * A service's Secret (its secret variables, when it has any), ConfigMap (the environment compose
 * sets, credentials left out), Deployment and Service, and for more than one replica its
 * PodDisruptionBudget. A runtime without a runnable stub gets these objects only commented out,
 * in a placeholder file that nothing applies (see todo.ts).
 */
export function serviceResources(design: Design, w: ServiceWiring): K8sObject[] {
  const node = w.node;
  const dns = dnsLabel(node.name);
  const { config: data, env } = serviceEnvironment(design, w);
  const config: IConfigMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: objectMeta(namespaceOf(design, node), configMapName(node), labels(design, node)),
    data: Object.fromEntries(data),
  };
  // a gRPC port equal to the HTTP port would be a duplicate the API server refuses
  const grpc = w.servesGrpc && node.grpcPort !== node.port;
  const ports = [{ name: 'http', containerPort: node.port }];
  if (grpc) ports.push({ name: 'grpc', containerPort: node.grpcPort });
  const alive = { httpGet: { path: '/healthz', port: 'http' } };
  const ready =
    grpc && servesGrpcHealth(w.runtime)
      ? { grpc: { port: node.grpcPort } }
      : { httpGet: { path: '/readyz', port: 'http' } };
  const tmp = scratch(node);
  const container: IContainer = {
    name: dns,
    image: imageName(design, node),
    // images are built locally (docker compose build) and loaded into the cluster
    imagePullPolicy: 'IfNotPresent',
    envFrom: [{ configMapRef: { name: configMapName(node) } }],
    ...(env.length > 0 ? { env } : {}),
    ports,
    ...probes(ready, alive),
    resources: containerResources(node, 'service'),
    securityContext: containerSecurity(node),
    volumeMounts: tmp.mounts,
  };
  const replicas = node.replicas;
  const annotations: Record<string, string> = { ...LOCAL_IMAGE_ANNOTATIONS };
  const deployment: IDeployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: objectMeta(namespaceOf(design, node), dns, labels(design, node), annotations),
    spec: {
      replicas,
      selector: { matchLabels: selector(design, node) },
      template: {
        metadata: { labels: labels(design, node) },
        spec: {
          // the Docker-link style variables (ORDERS_PORT=tcp://...) would shadow the contract's
          enableServiceLinks: false,
          automountServiceAccountToken: false,
          securityContext: podSecurity(
            node,
            ports.map((p) => p.containerPort),
          ),
          ...(replicated(node.replicas) ? { affinity: spread(design, node) } : {}),
          containers: [container],
          volumes: tmp.volumes,
        },
      },
    },
  };
  const service: IService = clusterService(design, node, [
    { name: 'http', port: node.port },
    ...(grpc ? [{ name: 'grpc', port: node.grpcPort, appProtocol: 'kubernetes.io/h2c' }] : []),
  ]);
  // the service's secret variables, which its container reads by name (never in the ConfigMap)
  const secret = credentialSecret(design, node);
  return [
    ...(secret ? [secret] : []),
    config,
    deployment,
    service,
    ...(replicated(replicas) ? [disruptionBudget(design, node)] : []),
  ];
}
