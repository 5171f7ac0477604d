import type { GeneratedFile } from '../../types';
import { jvmDockerFiles } from '../java/docker';
import type { ScalaPlan } from './plan';
import { SCALA_LIB } from './pom';

/** Dockerfile and .dockerignore: the Java stub's Maven build, then the JRE with the jar and its lib/. */
export function dockerFiles(p: ScalaPlan): GeneratedFile[] {
  return jvmDockerFiles(p.ctx.wiring.node, p.own, {
    runComment: 'the JRE, the jar and its dependencies only',
    copies: [[SCALA_LIB, './lib']],
    ignored: ['.bsp/', '.metals/'],
  });
}
