FROM --platform=$BUILDPLATFORM node:latest AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM docker.io/library/nginx:latest
COPY --from=build /app/dist /usr/share/nginx/html
