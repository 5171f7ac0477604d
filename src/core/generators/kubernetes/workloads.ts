import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IService } from 'kubernetes-models/v1/Service';
import { dnsLabel } from '../../model/naming';
import type { Design } from '../../model/types';
import type { ServiceWiring } from '../../model/wiring';
import { deployEnv, imageName, isTodoRuntime } from '../compose/plan';
import { clusterService, configMapName, labels, probes, selector, type K8sObject } from './meta';

/** The user id services run as: the restricted Pod Security Standard wants a non-root number. */
export const SERVICE_UID = 10001;

/** Marks a Deployment of a runtime that has no runnable stub yet (see the README). */
export const TODO_ANNOTATION = 'polyglot-canvas/stub';

/**
 * A service's ConfigMap (the same environment as compose), Deployment and Service. A runtime
 * without a runnable stub is deployed with zero replicas, so applying the folder does not leave
 * pods failing to pull an image nobody built; its Service exists, so callers' addresses resolve.
 */
export function serviceResources(design: Design, w: ServiceWiring): K8sObject[] {
  const node = w.node;
  const dns = dnsLabel(node.name);
  const todo = isTodoRuntime(node);
  const config: IConfigMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: configMapName(node), labels: labels(design, node) },
    data: Object.fromEntries(deployEnv(w)),
  };
  // a gRPC port equal to the HTTP port would be a duplicate the API server refuses
  const grpc = w.servesGrpc && node.grpcPort !== node.port;
  const ports = [{ name: 'http', containerPort: node.port }];
  if (grpc) ports.push({ name: 'grpc', containerPort: node.grpcPort });
  const health = { httpGet: { path: '/healthz', port: 'http' } };
  const deployment: IDeployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: dns,
      labels: labels(design, node),
      ...(todo
        ? {
            annotations: {
              [TODO_ANNOTATION]: `todo: build services/${dns} into ${imageName(design, node)}, then scale up`,
            },
          }
        : {}),
    },
    spec: {
      replicas: todo ? 0 : node.replicas,
      selector: { matchLabels: selector(design, node) },
      template: {
        metadata: { labels: labels(design, node) },
        spec: {
          // the Docker-link style variables (ORDERS_PORT=tcp://...) would shadow the contract's
          enableServiceLinks: false,
          automountServiceAccountToken: false,
          securityContext: {
            runAsNonRoot: true,
            runAsUser: SERVICE_UID,
            runAsGroup: SERVICE_UID,
            seccompProfile: { type: 'RuntimeDefault' },
          },
          containers: [
            {
              name: dns,
              image: imageName(design, node),
              // images are built locally (docker compose build) and loaded into the cluster
              imagePullPolicy: 'IfNotPresent',
              envFrom: [{ configMapRef: { name: configMapName(node) } }],
              ports,
              ...probes(health),
              resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { memory: '512Mi' } },
              securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
            },
          ],
        },
      },
    },
  };
  const service: IService = clusterService(design, node, [
    { name: 'http', port: node.port },
    ...(grpc ? [{ name: 'grpc', port: node.grpcPort, appProtocol: 'kubernetes.io/h2c' }] : []),
  ]);
  return [config, deployment, service];
}
