package dev.sluice.charts;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What dev and prod render follows the deployment rules (see {@link DeploymentRules}). */
class RenderedChartStructureTest {

    @ParameterizedTest
    @EnumSource(Environment.class)
    void theWorkerGracePeriodOutlastsItsDrainTimeout(Environment environment) {
        DeploymentRules.theWorkerGracePeriodOutlastsItsDrainTimeout(environment, ChartRenderer.render(environment));
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void kedaScalesOnTheQueueTheWorkersReadWithTheirConcurrency(Environment environment) {
        DeploymentRules.kedaScalesOnTheQueueTheWorkersReadWithTheirConcurrency(environment, ChartRenderer.render(environment));
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void everyContainerIsSizedProbedAndRestricted(Environment environment) {
        DeploymentRules.everyContainerIsSizedProbedAndRestricted(environment, ChartRenderer.render(environment));
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void everyImageNamesOneBuild(Environment environment) {
        DeploymentRules.everyImageNamesOneBuild(environment, ChartRenderer.render(environment));
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void theReaperNeverOverlapsAndMayOnlyReadPods(Environment environment) {
        DeploymentRules.theReaperNeverOverlapsAndMayOnlyReadPods(environment, ChartRenderer.render(environment));
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void eachComponentRunsAsItsOwnServiceAccount(Environment environment) {
        DeploymentRules.eachComponentRunsAsItsOwnServiceAccount(environment, ChartRenderer.render(environment));
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void aDefaultDenyPolicyCoversEveryPod(Environment environment) {
        DeploymentRules.aDefaultDenyPolicyCoversEveryPod(environment, ChartRenderer.render(environment));
    }

    @ParameterizedTest
    @EnumSource(Environment.class)
    void theModelSimulatorRunsInDevOnly(Environment environment) {
        DeploymentRules.theModelSimulatorRunsInDevOnly(environment, ChartRenderer.render(environment));
    }

    @ParameterizedTest
    @EnumSource(value = Environment.class, names = "PROD")
    void prodIsScrapedAlertedAndHasItsDashboard(Environment environment) throws Exception {
        DeploymentRules.prodIsScrapedAlertedAndHasItsDashboard(environment, ChartRenderer.render(environment));
    }
}
