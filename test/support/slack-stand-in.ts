/** Tests import the Slack Web API stand-in from here; it lives in src/dev because `warden demo` uses it too. */
export * from './stand-ins/slack/index.js';
