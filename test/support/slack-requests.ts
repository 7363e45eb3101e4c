// The signed-request helpers live beside the stand-in in src/dev, because `warden demo` uses them too.
export * from './stand-ins/slack/requests/index.js';
