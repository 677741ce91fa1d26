"""Runs the AWS SAM transform on template.yaml offline, as CloudFormation would at deploy time.

Fails (exit 1) on any error the transform reports; prints the resource types it generated.
Managed policies are resolved from a fixed map, so no AWS call is made.
"""
import os
import sys
from collections import Counter

from samtranslator.model.exceptions import InvalidDocumentException
from samtranslator.translator.transform import transform
from samtranslator.yaml_helper import yaml_parse


class OfflinePolicies:
    """The managed policies SAM attaches on its own, by name, without asking IAM."""

    ARNS = {
        "AWSLambdaBasicExecutionRole": "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
        "AWSLambdaVPCAccessExecutionRole": "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole",
        "AWSXrayWriteOnlyAccess": "arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess",
        "AWSXRayDaemonWriteAccess": "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess",
    }

    def load(self):
        return self.ARNS


def main(path):
    # The transform asks for a region to build ARNs; none is needed to check the template.
    os.environ.setdefault("AWS_DEFAULT_REGION", "eu-west-1")
    with open(path, encoding="utf-8") as f:
        template = yaml_parse(f.read())
    # As `sam package` does before a deploy: local code locations become S3 locations.
    for logical_id, resource in template.get("Resources", {}).items():
        properties = resource.get("Properties") or {}
        if resource.get("Type") == "AWS::Serverless::Function" and not str(properties.get("CodeUri", "")).startswith("s3://"):
            properties["CodeUri"] = f"s3://sam-artifacts-bucket/{logical_id}.zip"
    parameters = {"AWS::Region": "eu-west-1", "AWS::AccountId": "123456789012", "AWS::Partition": "aws"}
    try:
        output = transform(template, parameters, OfflinePolicies())
    except InvalidDocumentException as e:
        for cause in e.causes:
            print(f"sam-translate: {cause.message}", file=sys.stderr)
        return 1
    types = Counter(resource["Type"] for resource in output["Resources"].values())
    print(f"sam-translate: {path} transforms into {sum(types.values())} resources")
    for resource_type, count in sorted(types.items()):
        print(f"  {count:3d} {resource_type}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "template.yaml"))
