"""Handwritten sample articles (fictional countries and people) shared by the tests."""

from stance.artifacts import default_models_dir

#: whether the stance model artifact is shipped (tests then run the default pipeline)
HAS_STANCE = (default_models_dir() / "stance" / "manifest.json").is_file()

ARTICLES = [
    '"We will not accept these tariffs," said Maria Lopez, the trade minister of Freedonia. "Sylvania has behaved like a bully."',
    "Sylvania's prime minister, John Park, said on Tuesday that the talks with Freedonia were productive.\n"
    'Park added that both countries "share a common future."',
    "The weather was mild on Tuesday, and the harbour, for once, was quiet.",
    'Opposition leader Ana Ruiz accused the government of "selling out farmers" to Sylvania. "This deal is a disgrace," Ruiz told reporters.',
]
