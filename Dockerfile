# An ActorArb node image for docker-compose.yml (users only; CI and tests do not use Docker).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Host/ActorArb.Host.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/runtime:10.0
WORKDIR /app
COPY --from=build /app .
COPY config.hocon /etc/actorarb/config.hocon
ENTRYPOINT ["./actorarb"]
CMD ["backtest", "--config", "/etc/actorarb/config.hocon", "--out", "/data/out"]
