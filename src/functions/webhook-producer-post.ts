import { describeWebhook } from '../openapi/webhook-operations';
import { spectralFunction, type CheckContext, type IFunctionResult } from './context';
import { DOCUMENT_INPUT, producerScope } from './producer';

export function checkProducerPost(_root: unknown, _options: null, context: CheckContext): IFunctionResult[] {
  return producerScope(context)
    .checked.filter((item) => item.method !== 'post')
    .map((item) => ({
      message: `${describeWebhook(item)}: webhooks deliver events with POST; use post, or say why this one differs with x-lint-ignore: { webhook-producer-post: "<reason>" }`,
      path: item.jsonPath,
    }));
}

export default spectralFunction<null>({ input: DOCUMENT_INPUT, options: null }, checkProducerPost);
