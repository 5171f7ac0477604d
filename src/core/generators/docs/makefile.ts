import { dnsLabel } from '../../model/naming';
import type { Design } from '../../model/types';
import { entryServices } from './entries';

/**
 * The Makefile of the exported project. Recipes are POSIX sh with curl and grep only, so
 * `make verify` runs on any machine that can run Docker. Names never reach a recipe unescaped:
 * only DNS labels (letters, digits, hyphens) and port numbers do.
 */
export function makefile(design: Design, paths: readonly string[]): string {
  const entries = entryServices(design);
  const targets = entries.map((n) => `${dnsLabel(n.name)}:${n.port}`);
  const hasProto = paths.includes('proto/buf.gen.yaml') || paths.includes('proto/buf.yaml');
  const tab = '\t';
  // `compose port` finds the host port even when compose had to publish on an ephemeral one
  // (a replicated service); localhost:<port> is the fallback when compose cannot say.
  const verify = (
    targets.length === 0
      ? ['@echo "No runnable service to call."']
      : [
          '@fail=0; \\',
          'for target in $(PING_TARGETS); do \\',
          '  svc=$${target%%:*}; port=$${target##*:}; \\',
          '  hp=$$($(COMPOSE) port "$$svc" "$$port" 2>/dev/null | tail -n 1 | sed -e \'s/^0\\.0\\.0\\.0:/localhost:/\' -e \'s/^\\[::\\]:/localhost:/\'); \\',
          '  url="http://$${hp:-localhost:$$port}/ping"; \\',
          '  echo "GET $$url ($$svc)"; \\',
          '  body=$$(curl -fsS --retry 20 --retry-delay 3 --retry-connrefused --max-time 30 "$$url") || { echo "  no answer from $$svc"; fail=1; continue; }; \\',
          '  echo "$$body"; \\',
          '  if printf \'%s\' "$$body" | grep -Eq \'"ok"[[:space:]]*:[[:space:]]*false\'; then echo "  a call in the tree of $$svc failed"; fail=1; fi; \\',
          'done; \\',
          'if [ $$fail -eq 0 ]; then echo "verify: every call answered"; fi; \\',
          'exit $$fail',
        ]
  ).map((l) => tab + l);
  const lines = [
    `# ${dnsLabel(design.name, 'project')}: shortcuts over docker compose. Recipes need make, sh, curl and grep.`,
    'COMPOSE ?= docker compose',
    '# The entry services (no other service calls them), as <compose service>:<container port>.',
    `PING_TARGETS ?= ${targets.join(' ')}`.trimEnd(),
    '.DEFAULT_GOAL := help',
    '',
    '.PHONY: help up down logs verify test clean proto',
    '',
    '## help: list these targets',
    'help:',
    `${tab}@sed -n 's/^## //p' $(MAKEFILE_LIST)`,
    '',
    '## up: build the images and start the system in the background',
    'up:',
    `${tab}$(COMPOSE) up --build -d`,
    '',
    '## down: stop the system and remove its containers',
    'down:',
    `${tab}$(COMPOSE) down`,
    '',
    '## logs: follow the logs of every container',
    'logs:',
    `${tab}$(COMPOSE) logs -f`,
    '',
    '## verify: call /ping on the entry services and fail if any call in the tree failed',
    'verify:',
    ...verify,
    '',
    '## test: build and start the system, wait until it is healthy, then verify',
    'test:',
    `${tab}$(COMPOSE) up --build -d --wait`,
    `${tab}@$(MAKE) --no-print-directory -f $(firstword $(MAKEFILE_LIST)) verify`,
    '',
    '## clean: stop the system and remove its containers, volumes (all data) and locally built images',
    'clean:',
    `${tab}$(COMPOSE) down --volumes --remove-orphans --rmi local`,
    '',
    '## proto: lint the gRPC contracts and generate code from them with buf',
    'proto:',
    ...(hasProto
      ? [`${tab}cd proto && buf lint && buf generate`]
      : [`${tab}@echo "No gRPC service in this design: nothing to generate."`]),
    '',
  ];
  return lines.join('\n');
}
