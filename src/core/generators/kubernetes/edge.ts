import type { IConfigMap } from 'kubernetes-models/v1/ConfigMap';
import type { IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import type { IIngress } from 'kubernetes-models/networking.k8s.io/v1/Ingress';
import { infraImage } from '../compose/plan';
import { dnsLabel } from '../../model/naming';
import type { Design, DesignNode } from '../../model/types';
import { frontendConf, frontendPage, gatewayConf } from '../compose/edge';
import { clusterService, configMapName, labels, probes, selector, type K8sObject } from './meta';

/**
 * A gateway or frontend: its nginx configuration (and page) in a ConfigMap, an nginx Deployment
 * (stateless, so it takes the node's replicas), a Service and, for a gateway, an Ingress. With one
 * gateway the Ingress takes every host; with several, each answers on `<dns>.localhost`.
 */
export function edgeResources(design: Design, node: DesignNode): K8sObject[] {
  const dns = dnsLabel(node.name);
  const isGateway = node.kind === 'gateway';
  const data: Record<string, string> = isGateway
    ? { 'default.conf': gatewayConf(design, node, 'kubernetes') }
    : { 'default.conf': frontendConf(design, node, 'kubernetes'), 'index.html': frontendPage(design, node) };
  const config: IConfigMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: configMapName(node), labels: labels(design, node) },
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
  const deployment: IDeployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: dns, labels: labels(design, node) },
    spec: {
      replicas: node.replicas,
      selector: { matchLabels: selector(design, node) },
      template: {
        metadata: { labels: labels(design, node) },
        spec: {
          enableServiceLinks: false,
          automountServiceAccountToken: false,
          containers: [
            {
              name: dns,
              image: infraImage(node),
              ports: [{ name: 'http', containerPort: node.port }],
              ...probes({ httpGet: { path: '/healthz', port: 'http' } }),
              resources: { requests: { cpu: '20m', memory: '32Mi' }, limits: { memory: '128Mi' } },
              volumeMounts: mounts,
            },
          ],
          volumes,
        },
      },
    },
  };
  const out: K8sObject[] = [config, deployment, clusterService(design, node, [{ name: 'http', port: node.port }])];
  if (isGateway) out.push(ingress(design, node));
  return out;
}

function ingress(design: Design, node: DesignNode): IIngress {
  const dns = dnsLabel(node.name);
  const gateways = design.nodes.filter((n) => n.kind === 'gateway').length;
  const http = {
    paths: [{ path: '/', pathType: 'Prefix' as const, backend: { service: { name: dns, port: { name: 'http' } } } }],
  };
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { name: dns, labels: labels(design, node) },
    spec: { rules: [gateways > 1 ? { host: `${dns}.localhost`, http } : { http }] },
  };
}
