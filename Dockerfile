# One image recipe for every service: docker compose builds it with MODULE=<module> after `mvn -DskipTests package`.
FROM eclipse-temurin:17-jre
ARG MODULE
COPY ${MODULE}/target/${MODULE}.jar /app/service.jar
USER 10001
# A long-running service: full JIT (C2) and the parallel, throughput-first collector; heap a share of the container.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+UseParallelGC", "-jar", "/app/service.jar"]
