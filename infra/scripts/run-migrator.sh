#!/bin/sh
# azd predeploy hook: builds the migrator image in the registry (no local Docker needed), points the Container Apps
# job at it, runs it once and waits. A failed run fails the deployment before the API is updated, and prints the
# job's recent logs. Needs the Azure CLI, logged in (azd passes its environment, including the outputs of infra/).
set -eu

: "${AZURE_RESOURCE_GROUP:?run azd provision first}"
: "${AZURE_CONTAINER_REGISTRY_NAME:?run azd provision first}"
: "${AZURE_CONTAINER_REGISTRY_ENDPOINT:?run azd provision first}"
: "${MIGRATOR_JOB_NAME:?run azd provision first}"

tag="authsome-migrator:$(date -u +%Y%m%d%H%M%S)"
echo "Building $tag in $AZURE_CONTAINER_REGISTRY_NAME"
az acr build --registry "$AZURE_CONTAINER_REGISTRY_NAME" --image "$tag" --file Authsome.Migrator/Dockerfile . --output none

az containerapp job update --name "$MIGRATOR_JOB_NAME" --resource-group "$AZURE_RESOURCE_GROUP" \
  --image "$AZURE_CONTAINER_REGISTRY_ENDPOINT/$tag" --output none
execution=$(az containerapp job start --name "$MIGRATOR_JOB_NAME" --resource-group "$AZURE_RESOURCE_GROUP" --query name --output tsv)
echo "Migrator job execution $execution started"

while :; do
  status=$(az containerapp job execution show --name "$MIGRATOR_JOB_NAME" --resource-group "$AZURE_RESOURCE_GROUP" \
    --job-execution-name "$execution" --query properties.status --output tsv)
  case "$status" in
    Succeeded)
      echo "Migrations applied"
      exit 0
      ;;
    Failed|Stopped|Degraded)
      echo "Migrator job execution $execution ended $status; the API is not deployed. Recent logs:" >&2
      az containerapp job logs show --name "$MIGRATOR_JOB_NAME" --resource-group "$AZURE_RESOURCE_GROUP" \
        --execution "$execution" --container migrator --tail 100 >&2 || true
      exit 1
      ;;
  esac
  sleep 10
done
