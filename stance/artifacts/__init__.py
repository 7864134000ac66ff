"""The artifact store: versioned model directories with a manifest that records versions,
training data, metrics and the sha256 of every file, checked before anything is read."""

from stance.artifacts.store import (
    FORMAT_VERSION,
    INFERENCE_FILE,
    MANIFEST,
    MODEL_FILE,
    ArtifactError,
    artifact_dir,
    check_artifact,
    default_models_dir,
    environment_versions,
    file_fingerprint,
    load_artifact,
    read_manifest,
    save_artifact,
    sha256_file,
)

__all__ = [
    "FORMAT_VERSION", "INFERENCE_FILE", "MANIFEST", "MODEL_FILE", "ArtifactError", "artifact_dir", "check_artifact",
    "default_models_dir", "environment_versions", "file_fingerprint", "load_artifact", "read_manifest", "save_artifact", "sha256_file",
]
