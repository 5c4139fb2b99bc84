// The answers the update and attack tests share: a small chart with a config value and a secret key.
export const shopAnswers = `name: shop
appVersion: "1.0.0"
image:
  repository: ghcr.io/acme/shop
service:
  port: 8080
config:
  data:
    LOG_LEVEL: info
secrets:
  keys: [DB_PASSWORD]
`;
