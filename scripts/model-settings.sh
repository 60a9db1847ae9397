# Settings of the shipped default model, shared by train-default-model.sh and heldout-eval.sh so that
# the held-out figures in the README describe the same recipe as the built-in model.
# shellcheck disable=SC2034
MODEL_SETTINGS=(
    --window 150 --step 30
    --channels 32,64,64 --kernels 9,9,9 --pools 3,3,1 --hidden 32
    --epochs 30 --windows-per-epoch 100000 --patience 30
    --mutation-rate 0.03 --dropout 0.2 --coding-fraction 0.5
    --seed 1
)
