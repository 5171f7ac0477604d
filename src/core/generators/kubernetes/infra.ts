import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPodSecurityContext } from 'kubernetes-models/v1/PodSecurityContext';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IStatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import { INFRA, type InfraId } from '../../catalog/catalog';
import { dnsLabel } from '../../model/naming';
import type { Design, DesignNode } from '../../model/types';
import {
  INFRA_PORT_NAME,
  brokerTopics,
  dataPath,
  infraCheck,
  infraImage,
  infraRuntime,
  kafkaTopicScript,
  natsMonitorPort,
} from '../compose/plan';
import { edgeResources } from './edge';
import { clusterService, labels, probes, selector, type K8sObject } from './meta';

/** The apache/kafka image runs as `appuser`, uid 1000; the volume must be writable by it. */
const KAFKA_SECURITY: IPodSecurityContext = { runAsNonRoot: true, runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000 };

/** The rabbitmq image runs as uid 999: a fresh volume is made writable through its group. */
const RABBITMQ_SECURITY: IPodSecurityContext = { fsGroup: 999 };

/**
 * The manifests of an infrastructure node: a StatefulSet with a volume claim for stateful kinds,
 * a Deployment otherwise, always a Service named after the node; plus the topic job of a Kafka
 * broker, and the configuration, Deployment, Service (and Ingress) of a gateway or frontend.
 */
/**
 * Kubernetes expands `$(VAR)` in an env value and reads `$$` as one `$`, so every `$` is doubled:
 * the container sees exactly the value compose gives it (which compose writes as `$$` for its own
 * interpolation). Values from a ConfigMap through `envFrom` are not expanded and stay as they are.
 */
export function k8sEnvLiteral(value: string): string {
  return value.replaceAll('$', '$$$$');
}

export function infraResources(design: Design, node: DesignNode, jobName: string | null): K8sObject[] {
  const kind = node.kind as InfraId;
  if (kind === 'gateway' || kind === 'frontend') return edgeResources(design, node);
  const dns = dnsLabel(node.name);
  const portName = INFRA_PORT_NAME[kind];
  const { args, env } = infraRuntime(node);
  const check = infraCheck(node);
  const data = dataPath(node);
  const ports = [{ name: portName, containerPort: node.port }];
  if (kind === 'nats') ports.push({ name: 'monitor', containerPort: natsMonitorPort(node) });
  const tcp = { tcpSocket: { port: portName } };
  let health: ReturnType<typeof probes>;
  if (kind === 'kafka')
    health = probes(tcp, tcp, 5); // the JVM tools are too heavy for a probe
  else if (kind === 'nats') health = probes({ httpGet: { path: '/healthz', port: 'monitor' } });
  else health = probes(check ? { exec: { command: check } } : tcp, tcp, 10);
  const container: IContainer = {
    name: dns,
    image: infraImage(node),
    ...(args ? { args } : {}),
    ...(env.length > 0 ? { env: env.map(([name, value]) => ({ name, value: k8sEnvLiteral(value) })) } : {}),
    ports,
    ...health,
    resources: { requests: { cpu: '50m', memory: '128Mi' }, limits: { memory: '1Gi' } },
    ...(data ? { volumeMounts: [{ name: 'data', mountPath: data }] } : {}),
  };
  const security = kind === 'kafka' ? KAFKA_SECURITY : kind === 'rabbitmq' ? RABBITMQ_SECURITY : undefined;
  const podSpec = {
    enableServiceLinks: false,
    automountServiceAccountToken: false,
    ...(security ? { securityContext: security } : {}),
    containers: [container],
  };
  const meta = { name: dns, labels: labels(design, node) };
  const template = { metadata: { labels: labels(design, node) }, spec: podSpec };
  const out: K8sObject[] = [];
  if (data) {
    const sts: IStatefulSet = {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: meta,
      spec: {
        serviceName: dns,
        replicas: 1,
        selector: { matchLabels: selector(design, node) },
        template,
        volumeClaimTemplates: [
          {
            metadata: { name: 'data' },
            spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
          },
        ],
      },
    };
    out.push(sts);
  } else {
    const deployment: IDeployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: meta,
      spec: { replicas: 1, selector: { matchLabels: selector(design, node) }, template },
    };
    out.push(deployment);
  }
  out.push(clusterService(design, node, [{ name: portName, port: node.port }]));
  if (kind === 'kafka' && jobName) out.push(topicJob(design, node, jobName));
  return out;
}

/**
 * Creates the broker's topics. Nothing orders it after the broker, so its script waits for the
 * broker first; brokers also auto-create topics, so a client that is faster loses nothing. Done
 * jobs are removed after ten minutes, so applying the folder again runs it again (idempotent).
 */
function topicJob(design: Design, node: DesignNode, name: string): IJob {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, labels: labels(design, node) },
    spec: {
      backoffLimit: 10,
      ttlSecondsAfterFinished: 600,
      template: {
        metadata: { labels: { ...labels(design, node), 'app.kubernetes.io/name': name } },
        spec: {
          restartPolicy: 'OnFailure',
          automountServiceAccountToken: false,
          securityContext: KAFKA_SECURITY,
          containers: [
            {
              name: 'topics',
              image: INFRA.kafka.image,
              command: ['/bin/sh', '-c', kafkaTopicScript(node, brokerTopics(design, node))],
              resources: { requests: { cpu: '50m', memory: '128Mi' }, limits: { memory: '512Mi' } },
            },
          ],
        },
      },
    },
  };
}
