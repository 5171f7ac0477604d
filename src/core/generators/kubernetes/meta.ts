import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IProbe } from 'kubernetes-models/v1/Probe';
import type { IService } from 'kubernetes-models/v1/Service';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IStatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import type { IJob } from 'kubernetes-models/batch/v1/Job';
import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { roleOf } from '../../catalog/catalog';
import { dnsLabel } from '../../model/naming';
import type { Design, DesignNode } from '../../model/types';
import { projectName } from '../compose/plan';

/**
 * Shared pieces of the manifests. The objects are typed with kubernetes-models' interfaces (types
 * only, nothing of it is bundled), so a misspelt field fails the type check, and the tests run
 * the same package's schema validation on every document.
 */

export type K8sObject = IConfigMap | IDeployment | IService | IStatefulSet | IJob | IIngress;

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

/** A ClusterIP Service named after the node, so `<dns>:<port>` resolves as in compose. */
export function clusterService(
  design: Design,
  node: DesignNode,
  ports: { name: string; port: number; appProtocol?: string }[],
): IService {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: dnsLabel(node.name), labels: labels(design, node) },
    spec: {
      type: 'ClusterIP',
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

type ProbeAction = Pick<IProbe, 'httpGet' | 'tcpSocket' | 'exec'>;

/**
 * Startup, readiness and liveness probes from one check. The startup probe gives slow starters
 * (a JVM, a broker) three minutes before liveness may restart them; liveness is lenient so a busy
 * pod is not killed, readiness is quick so traffic follows health.
 */
export function probes(
  ready: ProbeAction,
  alive: ProbeAction = ready,
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
