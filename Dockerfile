# One image for every offer-triage process; docker-compose.yml picks the command per service.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY bin ./bin
COPY src ./src
COPY workers ./workers
COPY bench ./bench
# `npm ci` runs the `prepare` script, which compiles the TypeScript into dist/.
RUN npm ci --no-audit --no-fund && npm prune --omit=dev

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY bin ./bin
COPY migrations ./migrations
COPY templates ./templates
COPY samples ./samples
COPY src/admin/public ./src/admin/public
COPY src/admin/views ./src/admin/views
USER node
ENTRYPOINT ["node", "bin/offer-triage.js"]
CMD ["serve"]
