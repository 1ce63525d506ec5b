import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes a multi-file document whose schemas `$ref` each other in cycles across files (the shape of Spectral issues
 * #2729 and #2640: json-ref-resolver re-crawls every file from every reference into it and takes minutes). `files`
 * schema files of `schemasPerFile` schemas each; every schema refers to the next schema in its own file, to the same
 * schema in the next file (the last file wraps to the first) and to itself. Webhooks and receivers use the schemas as
 * payloads, so producer and consumer rules read through the cycles. Returns the root document's path.
 */
export function writeRecursiveRefs(dir: string, files = 12, schemasPerFile = 36): string {
  mkdirSync(join(dir, 'schemas'), { recursive: true });
  const schemaFile = (index: number) => `schemas/part-${index % files}.yaml`;
  for (let file = 0; file < files; file++) {
    const lines: string[] = [];
    for (let schema = 0; schema < schemasPerFile; schema++) {
      lines.push(
        `Schema${schema}:`,
        '  type: object',
        '  required: [type, version]',
        '  properties:',
        `    type: {type: string, enum: [event.${file}.${schema}]}`,
        "    version: {type: string, const: '2024-01-01'}",
        `    sibling: {$ref: '#/Schema${(schema + 1) % schemasPerFile}'}`,
        `    next: {$ref: './part-${(file + 1) % files}.yaml#/Schema${schema}'}`,
        `    self: {$ref: '#/Schema${schema}'}`,
        `  allOf: [{$ref: './part-${(file + 1) % files}.yaml#/Schema${(schema + 1) % schemasPerFile}'}]`,
      );
    }
    writeFileSync(join(dir, schemaFile(file)), `${lines.join('\n')}\n`);
  }
  const webhooks: string[] = [];
  const paths: string[] = [];
  for (let file = 0; file < files; file++) {
    webhooks.push(
      `  event-${file}:`,
      '    post:',
      '      parameters: [{name: X-Signature, in: header, required: true, schema: {type: string}}]',
      `      requestBody: {content: {application/json: {schema: {$ref: './${schemaFile(file)}#/Schema0'}}}}`,
      "      responses: {'200': {description: Received}}",
    );
    paths.push(
      `  /_webhooks/producer-${file}/event-created:`,
      '    post:',
      '      x-internal: true',
      `      requestBody: {content: {application/json: {schema: {$ref: './${schemaFile(file + 1)}#/Schema${file % schemasPerFile}'}}}}`,
      "      responses: {'204': {description: Received}}",
    );
  }
  const root = join(dir, 'openapi.yaml');
  writeFileSync(
    root,
    [
      'openapi: 3.1.0',
      "info: {title: Recursive refs across files, version: '1'}",
      "servers: [{url: 'https://api.example.com'}]",
      'security: [{key: []}]',
      'paths:',
      ...paths,
      'webhooks:',
      ...webhooks,
      'components: {securitySchemes: {key: {type: apiKey, in: header, name: X-Key}}}',
      '',
    ].join('\n'),
  );
  return root;
}
