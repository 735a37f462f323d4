/** The connection as one state value: what it is, never what it signs with. */
import type { AwsProblem } from './errors';
import type { Identity } from './identity';

export type ConnectionState =
  | { readonly kind: 'disconnected' }
  | { readonly kind: 'connecting'; readonly profile: string }
  | {
      readonly kind: 'connected';
      readonly profile: string;
      readonly region: string;
      readonly identity: Identity;
      readonly expiration: Date | undefined;
    }
  /** Connected once, then the credentials expired or AWS rejected them. */
  | { readonly kind: 'expired'; readonly profile: string; readonly problem: AwsProblem }
  | { readonly kind: 'failed'; readonly profile: string; readonly problem: AwsProblem };
