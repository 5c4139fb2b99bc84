// The pods' health checks: the answers' probes section (the pod part renders them).
import { choice, command, object, optional, text, Type } from '../../answers/fields.ts';
import { PROBE_TYPES } from '../../answers/choices.ts';
import { HTTP_PATH, QUANTITY } from '../../validators.ts';

/** How a probe checks the app: an HTTP GET, a TCP connection, a gRPC health check, a command. */
export const probeAnswer = (description: string) =>
  object(
    {
      type: choice(PROBE_TYPES, 'http GET, TCP connect, gRPC health, or a command'),
      path: optional(text(HTTP_PATH, 'http: the path to GET (default /)')),
      command: optional(command('exec: the command to run')),
      service: optional(Type.String({ description: 'grpc: the service name to check (default: the server)' })),
    },
    description,
  );

export const probesAnswers = {
  probes: optional(
    object(
      {
        liveness: optional(probeAnswer('Liveness check: the container restarts when it fails (default: TCP on the port)')),
        readiness: optional(probeAnswer('Readiness check: the Service sends traffic only to ready pods (default: as liveness)')),
        startup: optional(probeAnswer('Startup check for slow starters: the other checks wait for it (default: none)')),
      },
      'Health checks of an app with a port',
    ),
  ),
};

const quantities = (description: string) =>
  optional(
    object(
      {
        cpu: optional(text(QUANTITY, 'CPU, in cores (e.g. 100m, 1)')),
        memory: optional(text(QUANTITY, 'Memory (e.g. 128Mi, 1Gi)')),
      },
      description,
    ),
  );

export const resourcesAnswers = {
  resources: optional(
    object(
      {
        requests: quantities('What the scheduler reserves (default cpu 100m, memory 128Mi)'),
        limits: quantities('The most the container may use (default memory 256Mi, or the memory request if larger; no CPU limit unless given)'),
      },
      "The app container's resources",
    ),
  ),
};
