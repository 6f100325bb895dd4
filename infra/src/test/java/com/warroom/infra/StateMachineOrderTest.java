package com.warroom.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateMachineOrderTest {

    @Test
    void of_whenStatesChainByNext_isTheChainFromStartAtToEnd() {
        String asl = """
                {"StartAt":"A","States":{
                  "C":{"Type":"Task","End":true},
                  "A":{"Type":"Task","Next":"B"},
                  "B":{"Type":"Pass","Next":"C"}}}""";

        assertThat(StateMachineOrder.of(asl)).containsExactly("A", "B", "C");
    }

    @Test
    void of_whenAChoiceBranches_followsItsFirstRule() {
        String asl = """
                {"StartAt":"Ask","States":{
                  "Ask":{"Type":"Choice","Choices":[{"Variable":"$.ok","BooleanEquals":true,"Next":"Yes"}],"Default":"No"},
                  "Yes":{"Type":"Task","Next":"Done"},
                  "No":{"Type":"Fail"},
                  "Done":{"Type":"Succeed"}}}""";

        assertThat(StateMachineOrder.of(asl)).containsExactly("Ask", "Yes", "Done");
    }

    @Test
    void of_whenTheFirstPathComesBack_failsNamingTheState() {
        String asl = """
                {"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","Next":"A"}}}""";

        assertThatThrownBy(() -> StateMachineOrder.of(asl)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("back to A");
    }

    @Test
    void of_whenNextNamesNoState_failsNamingIt() {
        String asl = """
                {"StartAt":"A","States":{"A":{"Type":"Pass","Next":"Nowhere"}}}""";

        assertThatThrownBy(() -> StateMachineOrder.of(asl)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Nowhere");
    }

    @Test
    void of_whenNotJson_fails() {
        assertThatThrownBy(() -> StateMachineOrder.of("{\"StartAt\":")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a state machine definition");
    }

    @Test
    void resolve_whenAJoinOfTextAndIntrinsics_putsPlaceholdersInTheirPlace() {
        Object definition = Map.of("Fn::Join", List.of("", List.of(
                "{\"StartAt\":\"A\",\"States\":{\"A\":{\"Type\":\"Task\",\"Resource\":\"arn:", Map.of("Ref", "AWS::Partition"),
                ":states:::lambda:invoke\",\"Parameters\":{\"FunctionName\":\"", Map.of("Ref", "FnLive1234"),
                "\",\"Log\":\"", Map.of("Fn::GetAtt", List.of("Logs99", "Arn")), "\"},\"End\":true}}}")));

        String asl = DefinitionString.resolve(definition);

        assertThat(asl).contains("\"Resource\":\"arn:${AWS::Partition}:states:::lambda:invoke\"",
                "\"FunctionName\":\"${FnLive1234}\"", "\"Log\":\"${Logs99.Arn}\"");
        assertThat(StateMachineOrder.of(asl)).containsExactly("A");
    }

    @Test
    void resolve_whenAlreadyText_isThatText() {
        assertThat(DefinitionString.resolve("{\"StartAt\":\"A\"}")).isEqualTo("{\"StartAt\":\"A\"}");
    }

    @Test
    void resolve_whenAnUnknownIntrinsic_fails() {
        Object definition = Map.of("Fn::Join", List.of("", List.of("{", Map.of("Fn::Sub", "x"), "}")));

        assertThatThrownBy(() -> DefinitionString.resolve(definition)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Fn::Sub");
    }
}
