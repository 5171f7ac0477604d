import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { infraImage } from '../compose/plan';
import { dnsLabel } from '../../model/naming';
import type { Design, DesignNode } from '../../model/types';
import { frontendConf, frontendPage, gatewayConf } from '../compose/edge';
import { disruptionBudget, replicated, spread } from './availability';
import {
  clusterService,
  configMapName,
  hostFrom,
  labels,
  namespaceOf,
  objectMeta,
  probes,
  selector,
  type K8sObject,
} from './meta';
import { containerResources } from './resources';
import { containerSecurity, podSecurity, scratch } from './security';

/** The IngressClass the generated Ingress asks for: the ingress-nginx controller's. */
export const INGRESS_CLASS = 'nginx';

/** The host a gateway's Ingress answers on: a placeholder under example.com, to fill in. */
export function ingressHost(design: Design, node: DesignNode): string {
  return `${dnsLabel(node.name)}.${namespaceOf(design, node)}.example.com`;
}

/**
 * A gateway or frontend: its nginx configuration (and page) in a ConfigMap, an nginx Deployment
 * (stateless, so it takes the node's replicas, with a disruption budget when more than one), a
 * Service and, for a gateway, an Ingress.
 */
export function edgeResources(design: Design, node: DesignNode): K8sObject[] {
  const dns = dnsLabel(node.name);
  const isGateway = node.kind === 'gateway';
  const host = (t: DesignNode) => hostFrom(design, node, t);
  const data: Record<string, string> = isGateway
    ? { 'default.conf': gatewayConf(design, node, 'kubernetes', host) }
    : { 'default.conf': frontendConf(design, node, 'kubernetes', host), 'index.html': frontendPage(design, node) };
  const config: IConfigMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: objectMeta(namespaceOf(design, node), configMapName(node), labels(design, node)),
    data,
  };
  const mounts = [{ name: 'conf', mountPath: '/etc/nginx/conf.d', readOnly: true }];
  const volumes = [
    { name: 'conf', configMap: { name: configMapName(node), items: [{ key: 'default.conf', path: 'default.conf' }] } },
  ];
  if (!isGateway) {
    mounts.push({ name: 'page', mountPath: '/usr/share/nginx/html', readOnly: true });
    volumes.push({
      name: 'page',
      configMap: { name: configMapName(node), items: [{ key: 'index.html', path: 'index.html' }] },
    });
  }
  const tmp = scratch(node);
  const deployment: IDeployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: objectMeta(namespaceOf(design, node), dns, labels(design, node)),
    spec: {
      replicas: node.replicas,
      selector: { matchLabels: selector(design, node) },
      template: {
        metadata: { labels: labels(design, node) },
        spec: {
          enableServiceLinks: false,
          automountServiceAccountToken: false,
          securityContext: podSecurity(node, [node.port]),
          ...(replicated(node.replicas) ? { affinity: spread(design, node) } : {}),
          containers: [
            {
              name: dns,
              image: infraImage(node),
              imagePullPolicy: 'Always',
              ports: [{ name: 'http', containerPort: node.port }],
              ...probes({ httpGet: { path: '/healthz', port: 'http' } }, { tcpSocket: { port: 'http' } }),
              resources: containerResources(node, 'edge'),
              securityContext: containerSecurity(node),
              volumeMounts: [...mounts, ...tmp.mounts],
            },
          ],
          volumes: [...volumes, ...tmp.volumes],
        },
      },
    },
  };
  const out: K8sObject[] = [config, deployment, clusterService(design, node, [{ name: 'http', port: node.port }])];
  if (replicated(node.replicas)) out.push(disruptionBudget(design, node));
  if (isGateway) out.push(ingress(design, node));
  return out;
}

/**
 * The gateway's Ingress: the ingress-nginx class, a placeholder host under example.com and a TLS
 * section naming the Secret that will hold its certificate (cert-manager or `kubectl create
 * secret tls`): fill in the host, and the controller serves HTTPS.
 */
function ingress(design: Design, node: DesignNode): IIngress {
  const dns = dnsLabel(node.name);
  const host = ingressHost(design, node);
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: objectMeta(namespaceOf(design, node), dns, labels(design, node)),
    spec: {
      ingressClassName: INGRESS_CLASS,
      tls: [{ hosts: [host], secretName: `${dns}-tls` }],
      rules: [
        {
          host,
          http: {
            paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: dns, port: { name: 'http' } } } }],
          },
        },
      ],
    },
  };
}
