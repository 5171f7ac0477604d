import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
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
  kafkaPorts,
  kafkaTopicScript,
  natsMonitorPort,
} from '../compose/plan';
import { edgeResources } from './edge';
import { clusterService, labels, namespaceOf, objectMeta, probes, selector, type K8sObject } from './meta';
import { containerResources } from './resources';
import { credentialSecret, infraEnvironment } from './secrets';
import { containerSecurity, podSecurity, scratch } from './security';

/**
 * Kafka's image writes its configuration into /opt/kafka/config and /etc/kafka at start. With a
 * read-only root filesystem both are `emptyDir`s, filled first from the image by an init
 * container, so every file the image ships is still there.
 */
const KAFKA_WRITABLE = ['/opt/kafka/config', '/etc/kafka'];

/** Extra environment of images that keep state in their home folder. */
function homeEnv(kind: InfraId): IEnvVar[] {
  // the Erlang cookie lives in HOME: the data volume; mongosh (the probe) writes its log to HOME
  if (kind === 'rabbitmq') return [{ name: 'HOME', value: '/var/lib/rabbitmq' }];
  if (kind === 'mongodb') return [{ name: 'HOME', value: '/tmp' }];
  return [];
}

function healthOf(node: DesignNode, portName: string): ReturnType<typeof probes> {
  const kind = node.kind as InfraId;
  const tcp = { tcpSocket: { port: portName } };
  const check = infraCheck(node);
  // the JVM tools are too heavy for a probe: the client listener says ready, the controller alive
  if (kind === 'kafka') return probes(tcp, { tcpSocket: { port: 'controller' } }, 5);
  if (kind === 'nats') return probes({ httpGet: { path: '/healthz', port: 'monitor' } }, tcp);
  return probes(check ? { exec: { command: check } } : tcp, tcp, 10);
}

/**
 * The manifests of an infrastructure node: a StatefulSet with a volume claim and a headless
 * Service for stateful kinds, a Deployment and a ClusterIP Service otherwise, a Secret when it
 * has credentials; plus the topic job of a Kafka broker, and the configuration, Deployment,
 * Service (and Ingress) of a gateway or frontend.
 */
export function infraResources(design: Design, node: DesignNode, jobName: string | null): K8sObject[] {
  const kind = node.kind as InfraId;
  if (kind === 'gateway' || kind === 'frontend') return edgeResources(design, node);
  const dns = dnsLabel(node.name);
  const portName = INFRA_PORT_NAME[kind];
  const { args } = infraRuntime(node);
  const data = dataPath(node);
  const ports = [{ name: portName, containerPort: node.port }];
  if (kind === 'nats') ports.push({ name: 'monitor', containerPort: natsMonitorPort(node) });
  if (kind === 'kafka') ports.push({ name: 'controller', containerPort: kafkaPorts(node).controller });
  const tmp = scratch(node);
  const env = [...infraEnvironment(design, node), ...homeEnv(kind)];
  const writable = kind === 'kafka' ? KAFKA_WRITABLE.map((p, i) => ({ name: `writable-${i}`, mountPath: p })) : [];
  const container: IContainer = {
    name: dns,
    image: infraImage(node),
    imagePullPolicy: 'Always',
    ...(args ? { args } : {}),
    ...(env.length > 0 ? { env } : {}),
    ports,
    ...healthOf(node, portName),
    resources: containerResources(node, 'infra'),
    securityContext: containerSecurity(node),
    volumeMounts: [...(data ? [{ name: 'data', mountPath: data }] : []), ...tmp.mounts, ...writable],
  };
  const init: IContainer[] =
    kind === 'kafka'
      ? [
          {
            name: 'copy-config',
            image: infraImage(node),
            imagePullPolicy: 'Always',
            command: ['/bin/sh', '-c', KAFKA_WRITABLE.map((p, i) => `cp -R ${p}/. /writable/${i}/`).join(' && ')],
            resources: containerResources(node, 'job'),
            securityContext: containerSecurity(node),
            volumeMounts: KAFKA_WRITABLE.map((_, i) => ({ name: `writable-${i}`, mountPath: `/writable/${i}` })),
          },
        ]
      : [];
  const podSpec: IPodSpec = {
    enableServiceLinks: false,
    automountServiceAccountToken: false,
    securityContext: podSecurity(
      node,
      ports.map((p) => p.containerPort),
    ),
    ...(init.length > 0 ? { initContainers: init } : {}),
    containers: [container],
    volumes: [...tmp.volumes, ...writable.map((w) => ({ name: w.name, emptyDir: { sizeLimit: '64Mi' } }))],
  };
  const meta = objectMeta(namespaceOf(design, node), dns, labels(design, node));
  const template = { metadata: { labels: labels(design, node) }, spec: podSpec };
  const out: K8sObject[] = [];
  const secret = credentialSecret(design, node);
  if (secret) out.push(secret);
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
  out.push(clusterService(design, node, [{ name: portName, port: node.port }], data !== null));
  if (kind === 'kafka' && jobName) out.push(topicJob(design, node, jobName));
  return out;
}

/** The labels of the pods of a Kafka broker's topic job. */
export function topicJobLabels(design: Design, node: DesignNode, name: string): Record<string, string> {
  return { ...labels(design, node), 'app.kubernetes.io/name': name };
}

/**
 * Creates the broker's topics. Nothing orders it after the broker, so its script waits for the
 * broker first; brokers also auto-create topics, so a client that is faster loses nothing. Done
 * jobs are removed after ten minutes, so applying the folder again runs it again (idempotent).
 */
function topicJob(design: Design, node: DesignNode, name: string): IJob {
  const tmp = scratch(node);
  const logs = { name: 'logs', mountPath: '/opt/kafka/logs' };
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: objectMeta(namespaceOf(design, node), name, labels(design, node)),
    spec: {
      backoffLimit: 10,
      ttlSecondsAfterFinished: 600,
      template: {
        metadata: { labels: topicJobLabels(design, node, name) },
        spec: {
          restartPolicy: 'OnFailure',
          enableServiceLinks: false,
          automountServiceAccountToken: false,
          securityContext: podSecurity(node, [node.port]),
          containers: [
            {
              name: 'topics',
              image: INFRA.kafka.image,
              imagePullPolicy: 'Always',
              command: ['/bin/sh', '-c', kafkaTopicScript(node, brokerTopics(design, node))],
              resources: containerResources(node, 'job'),
              securityContext: containerSecurity(node),
              volumeMounts: [...tmp.mounts.filter((m) => m.mountPath === '/tmp'), logs],
            },
          ],
          volumes: [
            ...tmp.volumes.filter((v) => v.name === 'scratch-tmp'),
            { name: 'logs', emptyDir: { sizeLimit: '64Mi' } },
          ],
        },
      },
    },
  };
}
