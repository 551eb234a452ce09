"""Counts pabulib files with pabutools, the reference implementation, for the differential test.

Reads a JSON list of .pb paths on stdin and writes, for each, the project ids every rule selects,
with ties broken as Decidimos breaks them: more votes, then lower cost, then id.
"""
import json
import sys

from pabutools.election import Cardinality_Sat, Cost_Sat, parse_pabulib
from pabutools.rules import exhaustion_by_budget_increase, greedy_utilitarian_welfare, method_of_equal_shares
from pabutools.tiebreaking import TieBreakingRule

decidimos_ties = TieBreakingRule(lambda instance, profile, project: (-profile.approval_score(project), project.cost, project.name))


def ids(allocation):
    return sorted(project.name for project in allocation)


def add1(instance, profile, sat_class):
    return exhaustion_by_budget_increase(
        instance,
        profile,
        method_of_equal_shares,
        rule_params={"sat_class": sat_class, "tie_breaking": decidimos_ties},
        budget_step=profile.num_ballots(),
        exhaustive_stop=False,
    )


def then_greedy(instance, profile, allocation):
    return greedy_utilitarian_welfare(
        instance, profile, sat_class=Cost_Sat, tie_breaking=decidimos_ties, initial_budget_allocation=allocation
    )


def count(path):
    instance, profile = parse_pabulib(path)
    by_cost = add1(instance, profile, Cost_Sat)
    by_cardinality = add1(instance, profile, Cardinality_Sat)
    return {
        "greedy": ids(greedy_utilitarian_welfare(instance, profile, sat_class=Cost_Sat, tie_breaking=decidimos_ties)),
        "add1": ids(by_cost),
        "add1-greedy": ids(then_greedy(instance, profile, by_cost)),
        "cardinality-add1": ids(by_cardinality),
        "cardinality-add1-greedy": ids(then_greedy(instance, profile, by_cardinality)),
    }


json.dump([count(path) for path in json.load(sys.stdin)], sys.stdout)
