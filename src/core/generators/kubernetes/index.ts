/** Kubernetes manifests under `k8s/`, applied with kustomize. */
export { generateKubernetes } from './kubernetes';
