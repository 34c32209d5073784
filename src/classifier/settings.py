"""The tool's settings: one class, read from ``PARADIP_*`` environment variables.

The command line, the batch runner and the HTTP service all read the same
settings, so ``PARADIP_MODEL_DIR`` means the same thing everywhere.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Annotated

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

__all__ = ["Settings", "get_settings"]


class Settings(BaseSettings):
    """Settings of paradip; each field is read from ``PARADIP_<FIELD>``."""

    model_config = SettingsConfigDict(env_prefix="PARADIP_", extra="ignore")

    model_dir: Path = Field(Path("models"), description="Folder of model versions.")
    data_dir: Path = Field(Path("data"), description="Folder of the label store and jobs.")
    corpus_dir: Path = Field(
        Path("training_data/corpus"), description="The labelled corpus used for training."
    )
    host: str = Field("127.0.0.1", description="Address the service listens on.")
    port: int = Field(8000, ge=1, le=65535, description="Port the service listens on.")
    workers: int = Field(1, ge=1, description="Service worker processes.")
    max_text_chars: int = Field(
        100_000, ge=1, description="Longest text (title + body) the API accepts, in characters."
    )
    max_batch_items: int = Field(1000, ge=1, description="Most items in one batch request.")
    recent_items: int = Field(
        500,
        ge=0,
        description="Recent predictions each service worker keeps in memory for the web "
        "page's review queue (0 keeps none).",
    )
    batch_workers: int = Field(
        0, ge=0, description="Processes for 'paradip batch' (0: one per core)."
    )
    batch_chunk_size: int = Field(
        500, ge=1, description="Records per checkpointed chunk in 'paradip batch'."
    )
    dask_scheduler: str | None = Field(
        None, description="Dask scheduler address for 'paradip batch --engine dask'."
    )
    api_keys: Annotated[list[SecretStr], NoDecode] = Field(
        default_factory=list,
        description="Keys that may change state (comma-separated); none ships by default.",
    )
    cors_origins: Annotated[list[str], NoDecode] = Field(
        default_factory=list, description="Origins allowed to call the API from a browser."
    )

    @field_validator("api_keys", mode="before")
    @classmethod
    def _split_keys(cls, value: object) -> object:
        if isinstance(value, str):
            return [SecretStr(part.strip()) for part in value.split(",") if part.strip()]
        return value

    @field_validator("cors_origins", mode="before")
    @classmethod
    def _split_origins(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The settings of this process, read once."""
    return Settings()
