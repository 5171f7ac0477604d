import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { INamespace } from 'kubernetes-models/v1/Namespace';
import type { ISecret } from 'kubernetes-models/v1/Secret';
import type { INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import type { IPodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IProbe } from 'kubernetes-models/v1/Probe';
import type { IService } from 'kubernetes-models/v1/Service';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IStatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { roleOf } from '../../catalog/catalog';
import { dnsLabel } from '../../model/naming';
import { hasSeveralNamespaces, nodeNamespace, projectNamespace } from '../../model/namespaces';
import { networkResolver, type Resolver } from '../../model/wiring';
import type { Design, DesignNode } from '../../model/types';
import { projectName } from '../compose/plan';

/**
 * Shared pieces of the manifests. The objects are typed with kubernetes-models' interfaces (types
 * only, nothing of it is bundled), so a misspelt field fails the type check, and the tests run
 * the same package's schema validation on every document.
 */

export type K8sObject =
  | INamespace
  | IConfigMap
  | ISecret
  | IDeployment
  | IService
  | IStatefulSet
  | IJob
  | IIngress
  | INetworkPolicy
  | IPodDisruptionBudget;

/** The project's namespace: where every node outside a namespace boundary is applied. */
export function namespaceName(design: Design): string {
  return projectNamespace(design);
}

/** The namespace of a node's objects: its namespace boundary's, else the project's. */
export function namespaceOf(design: Design, node: DesignNode): string {
  return nodeNamespace(design, node);
}

/**
 * The DNS suffix of a Service in another namespace. The cluster domain is `cluster.local` on
 * nearly every cluster; a name with it resolves the same in every resolver (Go, musl, the JVM),
 * search domains or not.
 */
export const CLUSTER_DOMAIN = 'svc.cluster.local';

/** The host name `from` reaches `to` by: its Service's name, qualified when in another namespace. */
export function hostFrom(design: Design, from: DesignNode, to: DesignNode): string {
  const ns = namespaceOf(design, to);
  return ns === namespaceOf(design, from) ? dnsLabel(to.name) : `${dnsLabel(to.name)}.${ns}.${CLUSTER_DOMAIN}`;
}

/** How a node's environment names the others in Kubernetes: qualified across namespaces. */
export function k8sResolver(design: Design, from: DesignNode): Resolver {
  return { ...networkResolver, host: (to) => hostFrom(design, from, to) };
}

/**
 * The name a broker advertises to its clients (Kafka hands it back after the first connection):
 * its DNS name, or its fully qualified one when the design spans several namespaces, so that a
 * client in another namespace can reach it too.
 */
export function advertisedHost(design: Design, node: DesignNode): string {
  const dns = dnsLabel(node.name);
  return hasSeveralNamespaces(design) ? `${dns}.${namespaceOf(design, node)}.${CLUSTER_DOMAIN}` : dns;
}

/** An object's metadata: its name, namespace, labels and annotations. */
export function objectMeta(
  namespace: string,
  name: string,
  objectLabels: Labels,
  annotations?: Record<string, string>,
): NonNullable<IDeployment['metadata']> {
  return {
    name,
    namespace,
    labels: objectLabels,
    ...(annotations && Object.keys(annotations).length > 0 ? { annotations } : {}),
  };
}

export type Labels = Record<string, string>;

/** The recommended labels: name, part-of and the node's role as component. */
export function labels(design: Design, node: DesignNode): Labels {
  return {
    'app.kubernetes.io/name': dnsLabel(node.name),
    'app.kubernetes.io/part-of': projectName(design),
    'app.kubernetes.io/component': roleOf(node.kind),
  };
}

/** The selector of a node's pods: never changes when the node's role label would. */
export function selector(design: Design, node: DesignNode): Labels {
  return {
    'app.kubernetes.io/name': dnsLabel(node.name),
    'app.kubernetes.io/part-of': projectName(design),
  };
}

/** The name of the ConfigMap holding a node's environment or configuration files. */
export function configMapName(node: DesignNode): string {
  return `${dnsLabel(node.name)}-config`;
}

/**
 * A Service named after the node, so `<dns>:<port>` resolves as in compose: a ClusterIP one, or
 * for a StatefulSet a headless one (its `serviceName`, which gives each pod a stable DNS name;
 * the name still resolves to the ready pods).
 */
export function clusterService(
  design: Design,
  node: DesignNode,
  ports: { name: string; port: number; appProtocol?: string }[],
  headless = false,
): IService {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: objectMeta(namespaceOf(design, node), dnsLabel(node.name), labels(design, node)),
    spec: {
      type: 'ClusterIP',
      ...(headless ? { clusterIP: 'None' } : {}),
      selector: selector(design, node),
      ports: ports.map((p) => ({
        name: p.name,
        port: p.port,
        targetPort: p.name,
        ...(p.appProtocol ? { appProtocol: p.appProtocol } : {}),
      })),
    },
  };
}

type ProbeAction = Pick<IProbe, 'httpGet' | 'tcpSocket' | 'exec' | 'grpc'>;

/**
 * Startup, readiness and liveness probes, each for its purpose. The startup probe asks whether
 * the process is up (`alive`) and gives slow starters (a JVM, a broker) three minutes before
 * liveness may restart them; liveness (`alive`) is lenient so a busy pod is not killed;
 * readiness (`ready`: its dependencies answer) is quick, so traffic follows it. Readiness and
 * liveness differ: a database that goes away takes a service out of traffic, it never gets it
 * restarted.
 */
export function probes(
  ready: ProbeAction,
  alive: ProbeAction,
  timeoutSeconds = 3,
): Pick<IContainer, 'startupProbe' | 'readinessProbe' | 'livenessProbe'> {
  return {
    startupProbe: { ...alive, periodSeconds: 5, timeoutSeconds, failureThreshold: 36 },
    readinessProbe: { ...ready, periodSeconds: 5, timeoutSeconds, failureThreshold: 3 },
    livenessProbe: { ...alive, periodSeconds: 10, timeoutSeconds, failureThreshold: 6 },
  };
}

/**
 * The file name (without `.yaml`) of a node's manifests: its DNS name, unless that is a name the
 * folder already uses (a node called "kustomization").
 */
export function fileStem(node: DesignNode, reserved: ReadonlySet<string>): string {
  const dns = dnsLabel(node.name);
  return reserved.has(dns) ? `${dns}-resources` : dns;
}
