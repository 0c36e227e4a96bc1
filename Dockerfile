# LogGuard, built from source and run as a non-root user on the ASP.NET runtime image.
#   docker build -t logguard .        (docker-compose.yml builds and runs it beside PostgreSQL)

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files alone, so that a change to the code does not repeat the restore.
COPY Directory.Build.props Directory.Packages.props global.json LogGuard.sln ./
COPY src/LogGuard.Core/LogGuard.Core.csproj src/LogGuard.Core/
COPY src/LogGuard.Data/LogGuard.Data.csproj src/LogGuard.Data/
COPY src/LogGuard.Data.Sqlite/LogGuard.Data.Sqlite.csproj src/LogGuard.Data.Sqlite/
COPY src/LogGuard.Data.Postgres/LogGuard.Data.Postgres.csproj src/LogGuard.Data.Postgres/
COPY src/LogGuard.Api/LogGuard.Api.csproj src/LogGuard.Api/
RUN dotnet restore src/LogGuard.Api/LogGuard.Api.csproj
COPY src/ src/
RUN dotnet publish src/LogGuard.Api/LogGuard.Api.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
# The shipped rules and model; the service reads them from models/ under its working folder.
COPY models/ ./models/
# Inside the container the service must be reachable from the other containers; the host decides what to publish.
ENV ASPNETCORE_URLS=http://0.0.0.0:8080 \
    LogGuard__Logging__Json=true
EXPOSE 8080
# The image's unprivileged user (APP_UID); the service needs no write access outside /tmp with PostgreSQL.
USER $APP_UID
ENTRYPOINT ["dotnet", "LogGuard.Api.dll"]
