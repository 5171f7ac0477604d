/** Kubernetes manifests under `k8s/`, applied with kustomize. */
export { generateKubernetes, kubernetesSteps } from './kubernetes';
