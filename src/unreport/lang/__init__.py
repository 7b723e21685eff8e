"""Language data: house style (style.yaml) and its checks, numeral systems, terminology (State names), template labels through gettext; read once while unchanged."""
