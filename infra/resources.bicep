// The resources of one Authsome environment. The API and the migrator get the same configuration (the connection
// string as a secret, Authsome__* settings); only the API has ingress and probes.
param location string
param tags object

@secure()
param postgresPassword string
param smtpHost string
param smtpUserName string
@secure()
param smtpPassword string
param emailFromAddress string

var token = uniqueString(resourceGroup().id)
var postgresAdmin = 'authsome_admin'
// Replaced by azd (API) and by infra/scripts/run-migrator.sh (migrator) with the images they build.
var placeholderImage = 'mcr.microsoft.com/azuredocs/containerapps-helloworld:latest'

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${token}'
  location: location
  tags: tags
  properties: { sku: { name: 'PerGB2018' }, retentionInDays: 30 }
}

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'cr${token}'
  location: location
  tags: tags
  sku: { name: 'Basic' }
  properties: { adminUserEnabled: false }
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${token}'
  location: location
  tags: tags
}

// AcrPull, so the app and the job pull their images with the identity rather than registry passwords.
resource acrPull 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(registry.id, identity.id, 'acrpull')
  scope: registry
  properties: {
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '7f951dda-4ed3-4680-a7ca-43fe172d538d')
  }
}

resource environment 'Microsoft.App/managedEnvironments@2024-03-01' = {
  name: 'cae-${token}'
  location: location
  tags: tags
  properties: {
    appLogsConfiguration: {
      destination: 'log-analytics'
      logAnalyticsConfiguration: {
        customerId: logs.properties.customerId
        sharedKey: logs.listKeys().primarySharedKey
      }
    }
  }
}

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2023-12-01-preview' = {
  name: 'psql-${token}'
  location: location
  tags: tags
  sku: { name: 'Standard_B1ms', tier: 'Burstable' }
  properties: {
    version: '16'
    administratorLogin: postgresAdmin
    administratorLoginPassword: postgresPassword
    storage: { storageSizeGB: 32 }
    highAvailability: { mode: 'Disabled' }
  }
}

resource database 'Microsoft.DBforPostgreSQL/flexibleServers/databases@2023-12-01-preview' = {
  parent: postgres
  name: 'authsome'
}

// Container Apps reach the server over its public endpoint; 0.0.0.0 admits Azure services only.
resource allowAzure 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules@2023-12-01-preview' = {
  parent: postgres
  name: 'AllowAzureServices'
  properties: { startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' }
}

var connectionString = 'Host=${postgres.properties.fullyQualifiedDomainName};Port=5432;Username=${postgresAdmin};Password=${postgresPassword};Database=${database.name};SSL Mode=Require'

var secrets = [
  { name: 'authsome-connection-string', value: connectionString }
  { name: 'smtp-password', value: smtpPassword }
]

var environmentVariables = [
  { name: 'ConnectionStrings__authsome', secretRef: 'authsome-connection-string' }
  { name: 'Authsome__Email__Smtp__Host', value: smtpHost }
  { name: 'Authsome__Email__Smtp__UserName', value: smtpUserName }
  { name: 'Authsome__Email__Smtp__Password', secretRef: 'smtp-password' }
  { name: 'Authsome__Email__Smtp__FromAddress', value: emailFromAddress }
]

resource api 'Microsoft.App/containerApps@2024-03-01' = {
  name: 'ca-api-${token}'
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  identity: { type: 'UserAssigned', userAssignedIdentities: { '${identity.id}': {} } }
  dependsOn: [acrPull]
  properties: {
    managedEnvironmentId: environment.id
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: { external: true, targetPort: 8080, transport: 'http' }
      registries: [{ server: registry.properties.loginServer, identity: identity.id }]
      secrets: secrets
    }
    template: {
      containers: [
        {
          name: 'api'
          image: placeholderImage
          resources: { cpu: json('0.5'), memory: '1Gi' }
          env: concat(environmentVariables, [
            // The migrator job has applied the migrations before this revision was deployed.
            { name: 'Authsome__MigrateOnStart', value: 'false' }
            { name: 'OTEL_SERVICE_NAME', value: 'api' }
            { name: 'ASPNETCORE_FORWARDEDHEADERS_ENABLED', value: 'true' }
          ])
          probes: [
            { type: 'Liveness', httpGet: { path: '/alive', port: 8080 }, periodSeconds: 10 }
            { type: 'Readiness', httpGet: { path: '/health', port: 8080 }, periodSeconds: 10, failureThreshold: 3 }
          ]
        }
      ]
      scale: { minReplicas: 1, maxReplicas: 3 }
    }
  }
}

resource migrator 'Microsoft.App/jobs@2024-03-01' = {
  name: 'caj-migrator-${token}'
  location: location
  tags: tags
  identity: { type: 'UserAssigned', userAssignedIdentities: { '${identity.id}': {} } }
  dependsOn: [acrPull]
  properties: {
    environmentId: environment.id
    configuration: {
      triggerType: 'Manual'
      // One attempt: the migrator is idempotent, but a failure should stop the deployment and be read, not retried blindly.
      replicaRetryLimit: 0
      replicaTimeout: 900
      manualTriggerConfig: { parallelism: 1, replicaCompletionCount: 1 }
      registries: [{ server: registry.properties.loginServer, identity: identity.id }]
      secrets: secrets
    }
    template: {
      containers: [
        {
          name: 'migrator'
          image: placeholderImage
          resources: { cpu: json('0.5'), memory: '1Gi' }
          env: concat(environmentVariables, [{ name: 'OTEL_SERVICE_NAME', value: 'migrator' }])
        }
      ]
    }
  }
}

output registryEndpoint string = registry.properties.loginServer
output registryName string = registry.name
output migratorJobName string = migrator.name
output apiUrl string = 'https://${api.properties.configuration.ingress.fqdn}'
