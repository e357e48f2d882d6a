import type { Migration } from './migration.ts';

/**
 * Requester notifications were one kind ("requester") for every platform; now their kind names the requester's platform
 * ("requester:teams") so that only a process that can post there claims them. Renames the existing rows, kind and
 * idempotency key (`<case id>:<kind>:<event>`, as the case service builds it, so re-enqueueing after an upgrade stays
 * idempotent), from the platform in their case. Rows whose case is gone keep the old kind; no worker claims them.
 */
export const requesterKindPerPlatform: Migration = {
  version: 3,
  name: 'requester kind per platform',
  sqlite: `
    UPDATE outbox
    SET kind = 'requester:' || json_extract(c.payload, '$.requester.reference.channel'),
        idempotency_key = c.id || ':requester:' || json_extract(c.payload, '$.requester.reference.channel') || ':' || json_extract(outbox.payload, '$.event')
    FROM escalation_cases AS c
    WHERE outbox.kind = 'requester'
      AND c.id = json_extract(outbox.payload, '$.caseId')
      AND json_extract(c.payload, '$.requester.reference.channel') IS NOT NULL
      AND json_extract(outbox.payload, '$.event') IS NOT NULL;
  `,
  postgres: `
    UPDATE outbox AS o
    SET kind = 'requester:' || (c.payload->'requester'->'reference'->>'channel'),
        idempotency_key = c.id || ':requester:' || (c.payload->'requester'->'reference'->>'channel') || ':' || (o.payload->>'event')
    FROM escalation_cases AS c
    WHERE o.kind = 'requester'
      AND c.id = o.payload->>'caseId'
      AND c.payload->'requester'->'reference'->>'channel' IS NOT NULL
      AND o.payload->>'event' IS NOT NULL;
  `,
};
